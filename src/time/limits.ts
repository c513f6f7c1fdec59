// The PIM for Groups limits that hold whatever the policy says.

/** Any eligible or active assignment lasts at least 5 minutes (`ActiveDurationTooShort` below that). */
export const MIN_ASSIGNMENT_MINUTES = 5;
/** `activation.maxDuration` (Expiration_EndUser_Assignment): the portal offers 30 minutes to 24 hours. */
export const MIN_ACTIVATION_MINUTES = 30;
export const MAX_ACTIVATION_MINUTES = 24 * 60;
/** The portal's activation steps are half hours; other values work through Graph but look odd in the portal. */
export const ACTIVATION_STEP_MINUTES = 30;
/** Security advice: activations longer than one working shift. */
export const ADVISED_MAX_ACTIVATION_MINUTES = 8 * 60;

/** The words for a duration under the floor, the same in the editor and on the command line. */
export function belowFloorMessage(what: string): string {
  return `${what} must be at least 5 minutes (PT5M); PIM refuses shorter ones.`;
}

export function meetsAssignmentFloor(minutes: number): boolean {
  return minutes >= MIN_ASSIGNMENT_MINUTES;
}

export function isActivationInRange(minutes: number): boolean {
  return minutes >= MIN_ACTIVATION_MINUTES && minutes <= MAX_ACTIVATION_MINUTES;
}
