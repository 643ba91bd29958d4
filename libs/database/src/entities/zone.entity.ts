import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type ZoneKind = 'industrial_park' | 'industrial_cluster';
export type ZoneStatus = 'operating' | 'restricted' | 'planned' | 'closing';

@Entity('zones')
export class Zone {
  @PrimaryColumn('text') code: string;
  @Column('text') name: string;
  @Column('text') kind: ZoneKind;
  /** Commune or ward and former district: data, since administrative units change. */
  @Column('text') locality: string;
  @Column('smallint', { name: 'wage_region' }) wageRegion: 1 | 2 | 3 | 4;
  @Column('text') status: ZoneStatus;
  @Column('numeric', { name: 'area_ha', precision: 12, scale: 2, nullable: true }) areaHa: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
