import { Injectable } from '@nestjs/common';
import { DataSource, In, Not } from 'typeorm';
import { FairEdition } from './entities/fair-edition.entity';
import { FairSeries } from './entities/fair-series.entity';

/** Every query of the fairs area. */
@Injectable()
export class FairsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAllSeries(): Promise<FairSeries[]> {
    return this.dataSource.getRepository(FairSeries).find({ order: { nameEn: 'ASC' } });
  }

  /** Editions the public may see: everything past draft. */
  findPublicEditions(): Promise<FairEdition[]> {
    return this.dataSource.getRepository(FairEdition).find({
      where: { status: Not(In(['draft'])) },
      relations: { series: true },
      order: { startsOn: 'DESC' },
    });
  }

  findEditionByCode(code: string): Promise<FairEdition | null> {
    return this.dataSource.getRepository(FairEdition).findOne({ where: { code }, relations: { series: true, venue: true } });
  }
}
