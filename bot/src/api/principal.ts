/** Who is calling the tab API: a person in a tenant, identified as Teams identifies them. */
export interface Principal {
  readonly tenantId: string;
  /** Entra object id (aadObjectId). */
  readonly userId: string;
  readonly name: string;
}

export interface Authenticator {
  /** Resolves the bearer token's person; throws PolkuError('unauthenticated') otherwise. */
  authenticate(authorizationHeader: string | undefined): Promise<Principal>;
}
