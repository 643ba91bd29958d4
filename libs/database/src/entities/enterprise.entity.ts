import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('enterprises')
export class Enterprise {
  @PrimaryColumn('text', { name: 'tax_code' }) taxCode: string;
  @Column('text') name: string;
  @Column('text', { name: 'zone_code' }) zoneCode: string;
  @Column('text') ownership: 'domestic' | 'foreign';
  @Column('text', { name: 'vsic_section', nullable: true }) vsicSection: 'B' | 'C' | 'D' | 'E' | null;
  @Column('date', { name: 'operating_from' }) operatingFrom: string;
  @Column('date', { name: 'operating_until', nullable: true }) operatingUntil: string | null;
  @Column('text', { name: 'contact_email', nullable: true }) contactEmail: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
