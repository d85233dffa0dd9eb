import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { readAll } from '../../../core/database/read-all';
import { availableActions, type Actor } from '../domain/application-lifecycle';
import { formatBusinessRegistrationNumber } from '../domain/business-registration-number';
import { formatCompanyIdentifier } from '../domain/company-identifier';
import type { ApplicationResponse } from '../dto/application.dto';
import type { ExhibitorApplication } from '../entities/exhibitor-application.entity';
import { ExhibitorApplicationsRepository } from './exhibitor-applications.repository';

/** Builds API answers for applications, with their edition, hall, booths, fee and uploads. */
@Injectable()
export class ApplicationViews {
  constructor(private readonly applications: ExhibitorApplicationsRepository) {}

  async toResponses(manager: EntityManager, rows: ExhibitorApplication[], viewer: Actor): Promise<ApplicationResponse[]> {
    const ids = rows.map((a) => a.id);
    // `manager` is often the caller's transaction: its reads go one at a time on its connection.
    const [booths, uploads, editions, halls] = await readAll(manager, [
      () => this.applications.assignedBooths(manager, ids),
      () => this.applications.uploadKinds(manager, ids),
      () => manager.query<Array<{ id: string; code: string }>>(`SELECT id, code FROM fair_editions WHERE id = ANY($1)`, [[...new Set(rows.map((a) => a.editionId))]]),
      () => this.applications.spaceCodes(manager, [...new Set(rows.flatMap((a) => (a.hallId ? [a.hallId] : [])))]),
    ] as const);
    const editionCode = new Map(editions.map((e) => [e.id, e.code]));
    const hallCode = new Map(halls.map((h) => [h.id, h.code]));
    return rows.map((a) => ({
      id: a.id,
      edition: editionCode.get(a.editionId) ?? '',
      status: a.status,
      statusReason: a.statusReason,
      companyName: a.companyName,
      companyAlternateName: a.companyAlternateName,
      businessRegistrationNumber: a.businessRegistrationNumber === null ? null : formatBusinessRegistrationNumber(a.businessRegistrationNumber),
      country: a.companyCountry,
      companyIdentifierKind: a.companyIdentifierKind,
      companyIdentifier: formatCompanyIdentifier(a.companyIdentifierKind, a.companyIdentifier ?? a.businessRegistrationNumber ?? ''),
      contact: { name: a.contactName, email: a.contactEmail, phone: a.contactPhone },
      booth: { type: a.boothType, count: a.boothCount },
      hall: a.hallId ? (hallCode.get(a.hallId) ?? null) : null,
      preferredBoothKind: a.preferredBoothKind,
      productCategories: a.productCategories,
      notes: a.notes,
      booths: booths.filter((b) => b.applicationId === a.id).map((b) => ({ code: b.code, kind: b.kind, units: b.units, hall: b.hallCode })),
      fee: a.feeTotalKrw === null
        ? null
        : {
            lines: (a.feeLines ?? []).map((l) => ({ code: l.code, quantity: l.quantity, unitKrw: l.unitKrw, amountKrw: l.amountKrw })),
            netKrw: a.feeNetKrw ?? 0, vatKrw: a.feeVatKrw ?? 0, totalKrw: a.feeTotalKrw, earlyBird: a.feeEarlyBird,
            final: booths.some((b) => b.applicationId === a.id),
          },
      uploads: uploads.filter((u) => u.applicationId === a.id).map((u) => u.kind),
      actions: [...availableActions(a.status, viewer), ...(viewer === 'exhibitor' && ['draft', 'changes_requested'].includes(a.status) ? ['edit'] : [])],
      submittedAt: a.submittedAt?.toISOString() ?? null,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    }));
  }

  async toResponse(manager: EntityManager, row: ExhibitorApplication, viewer: Actor): Promise<ApplicationResponse> {
    return (await this.toResponses(manager, [row], viewer))[0];
  }
}
