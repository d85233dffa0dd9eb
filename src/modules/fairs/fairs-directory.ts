import { Injectable, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EditionStatus } from './entities/fair-edition.entity';
import { FairsDirectoryRepository } from './fairs-directory.repository';

/** An edition with its series' and venue's names, as the site and the console list them. */
export interface EditionListRow {
  id: string;
  code: string;
  year: number;
  /** YYYY-MM-DD, local. */
  startsOn: string;
  endsOn: string;
  status: EditionStatus;
  seriesCode: string;
  seriesKo: string;
  seriesEn: string;
  descriptionKo: string;
  descriptionEn: string;
  venueKo: string;
  venueEn: string;
}

/** A room of the edition's venue where a session can take place (it has seats). */
export interface RoomRow {
  code: string;
  nameKo: string;
  nameEn: string;
  seats: number;
}

/**
 * The fairs area's read API of series and editions for the floors above (the public site, the
 * console): plain read models, one query each.
 */
@Injectable()
export class FairsDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly fairs: FairsDirectoryRepository,
  ) {}

  /** Every edition by first day; drafts only when asked (organizers). */
  editions(options: { includeDrafts: boolean }): Promise<EditionListRow[]> {
    return this.fairs.editions(this.dataSource.manager, options.includeDrafts);
  }

  /** One edition by code, drafts included (the caller decides who may see one). */
  edition(code: string): Promise<EditionListRow | undefined> {
    return this.fairs.edition(this.dataSource.manager, code);
  }

  /** The rooms with seats at the edition's venue, for choosing a session's room. */
  rooms(editionId: string): Promise<RoomRow[]> {
    return this.fairs.rooms(this.dataSource.manager, editionId);
  }
}

/** The read API's own module: the site and the console import it without the fairs' controllers. */
@Module({ providers: [FairsDirectoryRepository, FairsDirectory], exports: [FairsDirectory] })
export class FairsDirectoryModule {}
