/** Who is acting: a logged-in user over HTTP, an operator at the CLI, or the system itself. */
export interface Actor {
  userId: string | null;
  username: string;
  roles: string[];
  organizationId: string | null;
  ip: string | null;
  requestId: string;
}

export function systemActor(requestId = `system-${Date.now()}`): Actor {
  return { userId: null, username: 'system', roles: ['system'], organizationId: null, ip: null, requestId };
}
