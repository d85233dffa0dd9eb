import { Module } from '@nestjs/common';

/**
 * The KDJ Center's halls and rooms. This module holds the venue's reference data for now;
 * bookings and availability come with the venue-booking issue.
 */
@Module({})
export class VenueModule {}
