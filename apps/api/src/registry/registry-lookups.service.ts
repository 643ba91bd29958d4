import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Enterprise, Zone } from '@app/database';
import { Problem } from '../common/problem';

/** References between registry rows, answered as 422 naming the field when missing. */
@Injectable()
export class RegistryLookups {
  constructor(
    @InjectRepository(Zone) private readonly zones: Repository<Zone>,
    @InjectRepository(Enterprise) private readonly enterprises: Repository<Enterprise>,
  ) {}

  async assertZoneExists(zoneCode: string, field = 'zoneCode'): Promise<void> {
    if (!(await this.zones.existsBy({ code: zoneCode }))) {
      throw Problem.field(422, field, 'UNKNOWN_ZONE', `zone ${zoneCode} is not in the registry`);
    }
  }

  async enterprise(taxCode: string, field = 'taxCode'): Promise<Enterprise> {
    const e = await this.enterprises.findOneBy({ taxCode });
    if (!e) throw Problem.field(422, field, 'UNKNOWN_ENTERPRISE', `tax code ${taxCode} is not in the registry`);
    return e;
  }
}
