import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type ProjectStatus = 'operating' | 'under_construction' | 'suspended' | 'terminated';

@Entity('projects')
export class Project {
  @PrimaryColumn('text') code: string;
  @Column('text') name: string;
  @Column('text', { name: 'tax_code' }) taxCode: string;
  @Column('text', { name: 'zone_code' }) zoneCode: string;
  @Column('text') status: ProjectStatus;
  @Column('date', { name: 'operating_from', nullable: true }) operatingFrom: string | null;
  @Column('date', { name: 'ended_at', nullable: true }) endedAt: string | null;
  @Column('bigint', { name: 'registered_capital', nullable: true }) registeredCapital: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
