import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last link of the audit chain, one row: the insert trigger locks it (so concurrent inserts queue
 * up instead of forking the chain) and moves it forward. The verifier also checks that it matches the
 * last row, so rows cut from the end of the log are noticed. Only the trigger writes it.
 */
@Entity({ name: 'audit_chain_head' })
@Check('CHK_audit_chain_head_single', '"id"')
export class AuditChainHead {
  @PrimaryColumn({ type: 'boolean', default: true, primaryKeyConstraintName: 'PK_audit_chain_head' })
  id!: boolean;

  @Column({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'text' })
  hash!: string;
}
