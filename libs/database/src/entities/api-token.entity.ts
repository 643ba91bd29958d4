import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type Role = 'admin' | 'board' | 'enterprise';

@Entity('api_tokens')
export class ApiToken {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text') role: Role;
  /** Board scope; null means every zone. */
  @Column('text', { name: 'zone_codes', array: true, nullable: true }) zoneCodes: string[] | null;
  @Column('text', { name: 'tax_code', nullable: true }) taxCode: string | null;
  @Column('char', { name: 'token_hash', length: 64 }) tokenHash: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
}
