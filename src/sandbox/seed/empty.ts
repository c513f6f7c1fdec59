// The `empty` seed: the Contoso tenant with only its administrator (who can do everything the CLI needs).
import { addUser, emptyState } from './build';
import type { SbState } from '../types';

export const CONTOSO = { id: '4c1e9a2d-5b6f-4a3c-8d7e-9f0a1b2c3d4e', displayName: 'Contoso', domain: 'contoso.com' };

export function emptySeed(seed = 'empty'): SbState {
  const state = emptyState(seed, { ...CONTOSO });
  addUser(state, 'admin@contoso.com', 'Adele Vance (Admin)', {
    jobTitle: 'IT Administrator',
    directoryRoles: ['Privileged Role Administrator'],
  });
  return state;
}
