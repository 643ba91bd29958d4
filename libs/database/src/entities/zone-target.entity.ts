import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The board's annual target for a zone, at 2010 comparable prices. */
@Entity('zone_targets')
export class ZoneTarget {
  @PrimaryColumn('text', { name: 'zone_code' }) zoneCode: string;
  @PrimaryColumn('integer') year: number;
  @Column('bigint', { name: 'gross_output_constant_2010' }) grossOutputConstant2010: string;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
