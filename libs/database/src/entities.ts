import { ApiToken } from './entities/api-token.entity';
import { AuditEvent } from './entities/audit-event.entity';
import { Enterprise } from './entities/enterprise.entity';
import { Project } from './entities/project.entity';
import { Zone } from './entities/zone.entity';
import { ZoneTarget } from './entities/zone-target.entity';

export const ENTITIES = [ApiToken, AuditEvent, Enterprise, Project, Zone, ZoneTarget];
