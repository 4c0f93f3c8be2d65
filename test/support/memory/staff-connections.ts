import type { AuditEntry, DeclaredConflict, DeclaredConflictStore, StaffConnections, StaffConnectionsStore } from '@pip/domain';
import { MemoryAudit } from './areas';
import { Rows, key } from './rows';

/** Staff profiles by staff id, each written only over the version its writer read. */
export class MemoryStaffConnections implements StaffConnectionsStore {
  readonly byStaff = new Rows<StaffConnections>();

  async get(staffId: string): Promise<StaffConnections | undefined> {
    return this.byStaff.read(staffId);
  }

  async list(): Promise<StaffConnections[]> {
    return [...this.byStaff.keys()].sort().map((staffId) => this.byStaff.read(staffId)!);
  }

  async save(next: StaffConnections, expectedVersion: number): Promise<boolean> {
    if ((this.byStaff.get(next.staffId)?.version ?? 0) !== expectedVersion) return false;
    this.byStaff.write(next.staffId, next);
    return true;
  }
}

/** Declared conflicts under their area, one per person and application, each with its audit entry. */
export class MemoryDeclaredConflicts implements DeclaredConflictStore {
  readonly rows = new Rows<DeclaredConflict>();

  constructor(private readonly audit = new MemoryAudit()) {}

  async listForArea(areaId: string): Promise<DeclaredConflict[]> {
    return this.rows.listUnder(areaId);
  }

  async declare(conflict: DeclaredConflict, audit: AuditEntry): Promise<boolean> {
    if (this.audit.holds(audit) || !this.rows.add(key(conflict.areaId, conflict.applicationId, conflict.staffId), conflict)) return false;
    await this.audit.record(audit);
    return true;
  }
}
