/**
 * CPU per validation of a request body through the app's ValidationPipe options, with and without
 * cacheValidationMetadata — in one process, every DTO class of the app loaded (class-validator's
 * look-up walks all of them). A micro-benchmark: on a shared machine its figures are steadier than
 * an HTTP bench's, for a change this small.
 *
 *   node dist/bench/tools/validation-cost.js [cached|uncached] [iterations=20000]
 */
import 'reflect-metadata';
import { ValidationPipe } from '@nestjs/common';
import { AppModule } from '../../src/app.module';
import { loadConfig } from '../../src/core/config/app-config';
import { cacheValidationMetadata } from '../../src/core/http/validation-metadata-cache';
import { CreateBookingDto } from '../../src/modules/venue/dto/booking.dto';
import { RegisterExhibitorDto } from '../../src/modules/exhibitors/dto/register-exhibitor.dto';

const registration = {
  company: { name: '빛고을정밀 주식회사', businessRegistrationNumber: '1234567891', country: 'KR', address: '광주광역시 광산구 하남산단 8번로 100', website: 'https://bitgoeul-precision.example' },
  contact: { name: '김민준', email: 'minjun.kim@bitgoeul-precision.example', phone: '+82 62-123-4567' },
  booth: { type: 'shell_scheme', count: 2 },
  productCategories: ['casting', 'mold'],
  language: 'en',
};
const hold = { space: 'EXH1', startsAt: '2027-08-01T10:00:00+09:00', endsAt: '2027-08-01T10:30:00+09:00', purpose: 'Bench booking 1' };

async function main(): Promise<void> {
  const mode = process.argv[2] ?? 'cached';
  const iterations = Number(process.argv[3] ?? 20_000);
  // Every module of the app is imported (and with it every DTO class), as in the server.
  AppModule.forConfig(loadConfig({ DATABASE_URL: 'postgres://unused@127.0.0.1/unused' }));
  if (mode === 'cached') cacheValidationMetadata();
  const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, forbidUnknownValues: true, stopAtFirstError: false });
  for (const [name, metatype, body] of [['registration', RegisterExhibitorDto, registration], ['venue hold', CreateBookingDto, hold]] as const) {
    for (let i = 0; i < 2000; i++) await pipe.transform(structuredClone(body), { type: 'body', metatype });
    const started = process.cpuUsage();
    for (let i = 0; i < iterations; i++) await pipe.transform(structuredClone(body), { type: 'body', metatype });
    const used = process.cpuUsage(started);
    process.stdout.write(`${mode} ${name}: ${((used.user + used.system) / iterations).toFixed(1)} µs CPU per validation (${iterations})\n`);
  }
}

void main();
