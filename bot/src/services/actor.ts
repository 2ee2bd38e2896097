/** Who is acting: a person in a tenant, as Teams or the tab identified them. */
export interface Actor {
  readonly tenantId: string;
  readonly userId: string;
  readonly name: string;
  /** The person's mailbox address, when Teams told us (needed to book meetings). */
  readonly email?: string;
}
