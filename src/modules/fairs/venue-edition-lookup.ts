import { Injectable } from '@nestjs/common';
import { EditionLookup, type EditionRef } from '../venue/ports/edition-lookup';
import { FairsService } from './fairs.service';

/**
 * The fairs area's answer to the venue's EditionLookup port: a booking names an edition by
 * code; the venue keeps its id and shows its code. Wired in app.module.ts (VenueModule.forRoot).
 */
@Injectable()
export class VenueEditionLookup implements EditionLookup {
  constructor(private readonly fairs: FairsService) {}

  async require(code: string): Promise<EditionRef> {
    const edition = await this.fairs.getEdition(code);
    return { id: edition.id, code: edition.code };
  }

  codes(ids: readonly string[]): Promise<Map<string, string>> {
    return this.fairs.editionCodes(ids);
  }
}
