import { ApiProperty } from '@nestjs/swagger';

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
  @ApiProperty({ example: 'Asia/Seoul' }) timezone: string;
  @ApiProperty({ type: [ItineraryItemResponse] }) items: ItineraryItemResponse[];
}
