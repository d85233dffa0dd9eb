import { ApiProperty } from '@nestjs/swagger';
import { COMPANY_IDENTIFIER_KINDS, type CompanyIdentifierKind } from '../domain/company-identifier';
import { APPLICATION_STATUSES, type ApplicationStatus, type ExhibitorApplication } from '../entities/exhibitor-application.entity';

export class ExhibitorApplicationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'green-car-2027' }) edition: string;
  @ApiProperty({ enum: APPLICATION_STATUSES, example: 'submitted' }) status: ApplicationStatus;
  @ApiProperty({ example: '빛고을정밀 주식회사' }) companyName: string;
  @ApiProperty({ example: '2208162517', nullable: true, type: String, description: 'A Korean company\'s 사업자등록번호; null elsewhere (see companyIdentifier)' }) businessRegistrationNumber: string | null;
  @ApiProperty({ enum: COMPANY_IDENTIFIER_KINDS, example: 'kr-brn' }) companyIdentifierKind: CompanyIdentifierKind;
  @ApiProperty({ example: '2208162517', description: 'The company identifier, normalized' }) companyIdentifier: string;
  @ApiProperty({ example: '2027-01-15T01:00:00.000Z' }) createdAt: string;
}

export function toExhibitorApplicationResponse(a: ExhibitorApplication, editionCode: string): ExhibitorApplicationResponse {
  return {
    id: a.id,
    edition: editionCode,
    status: a.status,
    companyName: a.companyName,
    businessRegistrationNumber: a.businessRegistrationNumber,
    companyIdentifierKind: a.companyIdentifierKind,
    companyIdentifier: a.companyIdentifier ?? a.businessRegistrationNumber ?? '',
    createdAt: a.createdAt.toISOString(),
  };
}
