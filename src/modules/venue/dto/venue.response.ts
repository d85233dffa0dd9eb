import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BOOKING_STATUSES, type BookingStatus } from '../entities/booking.entity';
import { SPACE_KINDS, type SpaceKind } from '../entities/venue-space.entity';
import { DEFAULT_TIME_ZONE } from '../../../core/time/zoned-time';
import { HOLDER_KINDS, type HolderKind } from '../domain/space-holder';

export class VenueResponse {
  @ApiProperty({ example: 'kdj-center' }) code: string;
  @ApiProperty() nameKo: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() addressKo: string;
  @ApiProperty() addressEn: string;
  @ApiProperty({ example: DEFAULT_TIME_ZONE }) timezone: string;
  @ApiProperty({ example: '07:00' }) opensAt: string;
  @ApiProperty({ example: '23:00' }) closesAt: string;
}

export class SpaceCapacityResponse {
  @ApiPropertyOptional({ type: Number, nullable: true }) theatre: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) classroom: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) banquet: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Standard 3 m × 3 m booths' }) exhibitionBooths: number | null;
}

export class SpaceResponse {
  @ApiProperty({ example: 'EXH1' }) code: string;
  @ApiProperty() nameKo: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ enum: SPACE_KINDS }) kind: SpaceKind;
  @ApiProperty({ example: 'main' }) building: string;
  @ApiProperty() floor: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) areaM2: number | null;
  @ApiProperty({ type: SpaceCapacityResponse }) capacity: SpaceCapacityResponse;
  @ApiProperty({ type: [String], description: 'Codes of the spaces this one combines' }) parts: string[];
  @ApiProperty({ type: [String], description: 'Codes of the combined spaces this one is part of' }) partOf: string[];
  @ApiProperty({ type: [String], description: 'Figures that are assumed, not from a source' }) assumedFields: string[];
}

/** What holds the space when the programme or an edition booked it: its kind and its name in both languages. */
export class BookingHolderResponse {
  @ApiProperty({ enum: HOLDER_KINDS, example: 'conference-session' }) kind: HolderKind;
  @ApiProperty({ example: "conference session 'Smart mobility' of 2027 International Manufacturing Technology (PPURI) Fair" }) labelEn: string;
  @ApiProperty({ example: "2027 국제뿌리산업전시회 학술회의 세션 '스마트 모빌리티'" }) labelKo: string;
}

export class BookingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'EXH1' }) space: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'ppuri-2027' }) edition: string | null;
  @ApiProperty() purpose: string;
  @ApiPropertyOptional({ type: BookingHolderResponse, nullable: true, description: 'Set when an edition hall, a conference session or an export-meeting area holds the space' })
  holder: BookingHolderResponse | null;
  @ApiProperty({ example: '2027-04-28T09:00:00+09:00', description: 'Shown in the venue zone (Asia/Seoul)' }) startsAt: string;
  @ApiProperty({ example: '2027-04-30T18:00:00+09:00' }) endsAt: string;
  @ApiProperty() setupMinutes: number;
  @ApiProperty() teardownMinutes: number;
  @ApiProperty({ description: 'startsAt minus setup' }) occupiedFrom: string;
  @ApiProperty({ description: 'endsAt plus teardown' }) occupiedUntil: string;
  @ApiProperty({ enum: BOOKING_STATUSES, description: 'A hold past its expiry reads as expired' }) status: BookingStatus;
  @ApiPropertyOptional({ type: String, nullable: true }) holdExpiresAt: string | null;
  @ApiProperty() sequence: number;
  @ApiProperty() createdAt: string;
}

export class BookingPageResponse {
  @ApiProperty({ type: [BookingResponse] }) items: BookingResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class TimeWindowResponse {
  @ApiProperty({ example: '2027-04-28T07:00:00+09:00' }) from: string;
  @ApiProperty({ example: '2027-04-28T12:00:00+09:00' }) until: string;
}

export class SpaceAvailabilityResponse {
  @ApiProperty({ example: 'EXH1' }) space: string;
  @ApiProperty({ type: [TimeWindowResponse], description: 'Free windows inside opening hours' }) free: TimeWindowResponse[];
}

export class DayCellResponse {
  @ApiProperty({ example: 9, description: 'Local hour the cell starts' }) hour: number;
  @ApiProperty({ enum: ['free', 'held', 'confirmed'] }) state: 'free' | 'held' | 'confirmed';
  @ApiPropertyOptional({ format: 'uuid' }) bookingId?: string;
  @ApiPropertyOptional() purpose?: string;
}

export class DaySpaceRowResponse {
  @ApiProperty() space: string;
  @ApiProperty() nameKo: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ type: [DayCellResponse] }) cells: DayCellResponse[];
}

export class DayViewResponse {
  @ApiProperty({ example: '2027-04-28' }) date: string;
  @ApiProperty({ example: DEFAULT_TIME_ZONE }) timezone: string;
  @ApiProperty({ type: [Number], example: [7, 8, 9] }) hours: number[];
  @ApiProperty({ type: [DaySpaceRowResponse] }) spaces: DaySpaceRowResponse[];
}

export class FeedUrlResponse {
  @ApiProperty({ example: 'http://localhost:3000/api/venues/kdj-center/spaces/EXH1/calendar.ics?key=…' }) url: string;
}
