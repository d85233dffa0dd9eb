import { ApiProperty } from '@nestjs/swagger';
import { DEFAULT_TIME_ZONE } from '../../../core/time/zoned-time';

export class ItineraryItemResponse {
  @ApiProperty({ description: 'Stable for the item’s whole life (the calendar UID)' }) uid: string;
  @ApiProperty({ enum: ['exhibition', 'session', 'meeting'] }) kind: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() title: string;
  @ApiProperty() location: string;
  @ApiProperty() details: string;
  @ApiProperty({ description: 'Calendar SEQUENCE: rises with every change' }) sequence: number;
}

export class ItineraryResponse {
  @ApiProperty({ example: DEFAULT_TIME_ZONE }) timezone: string;
  @ApiProperty({ type: [ItineraryItemResponse] }) items: ItineraryItemResponse[];
}
