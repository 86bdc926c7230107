export const ROLES = ['owner', 'office', 'instructor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_WORDS: Record<Role, string> = { owner: 'Owner', office: 'Office', instructor: 'Instructor' };
