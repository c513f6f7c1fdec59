// Azure Resource Manager access for Azure role bindings, through the lazily loaded engine chunk (the registry of
// ARM transports must be the engine's own module instance, which the planner and apply read).
export { connectionTransport, ARM_GLOBAL } from '../../bindings/armAccess';
