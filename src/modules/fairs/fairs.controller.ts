import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FairSeriesResponse } from './dto/fair.response';
import { FairsService } from './fairs.service';

@ApiTags('fairs')
@Controller('fairs')
export class FairsController {
  constructor(private readonly fairs: FairsService) {}

  @Get()
  @ApiOperation({ summary: 'The fair series with their public editions and product categories' })
  @ApiOkResponse({ type: [FairSeriesResponse] })
  list(): Promise<FairSeriesResponse[]> {
    return this.fairs.listFairs();
  }
}
