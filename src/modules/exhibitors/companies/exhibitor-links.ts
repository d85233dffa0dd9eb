/** Paths of the exhibitor pages that emailed links lead to (the token follows as ?token=). */
export const EXHIBITOR_LINKS = {
  confirmEmail: '/exhibitor/confirm-email',
  resetPassword: '/exhibitor/reset-password',
  joinCompany: '/exhibitor/join',
  application: (id: string): string => `/exhibitor/applications/${id}`,
} as const;
