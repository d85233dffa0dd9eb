import { Public } from '../../core/auth/roles.decorator';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FairSeriesResponse } from './dto/fair.response';
import { FairsService } from './fairs.service';

@ApiTags('fairs')
@Controller('fairs')
export class FairsController {
  constructor(private readonly fairs: FairsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The fair series with their public editions and product categories' })
  @ApiOkResponse({ type: [FairSeriesResponse] })
  list(): Promise<FairSeriesResponse[]> {
    return this.fairs.listFairs();
  }
}
