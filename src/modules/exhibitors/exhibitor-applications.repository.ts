import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ExhibitorApplication } from './entities/exhibitor-application.entity';

/** Every query of exhibitor applications; each takes the edition it is scoped to. */
@Injectable()
export class ExhibitorApplicationsRepository {
  findIdByBusinessNumber(manager: EntityManager, editionId: string, businessRegistrationNumber: string): Promise<ExhibitorApplication | null> {
    return manager.getRepository(ExhibitorApplication).findOne({
      where: { editionId, businessRegistrationNumber },
      select: { id: true },
    });
  }

  insert(manager: EntityManager, application: Omit<ExhibitorApplication, 'id' | 'createdAt' | 'updatedAt'>): Promise<ExhibitorApplication> {
    const repo = manager.getRepository(ExhibitorApplication);
    return repo.save(repo.create(application));
  }
}
