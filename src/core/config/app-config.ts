import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { IsMailAddress } from '../http/validators';

/** The smallest default pool (DATABASE_POOL_SIZE unset). */
export const POOL_SIZE_FLOOR = 10;

export const APP_ROLES = ['all', 'api', 'worker'] as const;
export type AppRole = (typeof APP_ROLES)[number];

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return value;
};

/** Express's `trust proxy` forms: a boolean, a hop count, or named ranges / addresses / CIDRs. */
const TRUST_ADDRESS = String.raw`(loopback|linklocal|uniquelocal|(\d{1,3}(\.\d{1,3}){3}|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*)(\/\d{1,3})?)`;
const TRUST_PROXY_PATTERN = new RegExp(String.raw`^(true|false|off|none|\d{1,2}|${TRUST_ADDRESS}(\s*,\s*${TRUST_ADDRESS})*)$`, 'i');

/** What Express's `trust proxy` setting takes. */
export type TrustProxy = boolean | number | string;

/**
 * Every setting Fairgate reads from the environment, with its default.
 * The one place that knows variable names; the rest of the code asks AppConfig.
 */
export class EnvironmentVariables {
  @Matches(/^postgres(ql)?:\/\/[^/\s]+\/[A-Za-z0-9_-]+(\?\S*)?$/, {
    message: 'DATABASE_URL must look like postgres://user[:password]@host:5432/database',
  })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/fairgate';

  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must look like redis://[:password@]host:6379[/db]' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, {
    message: 'SMTP_URL must look like smtp://[user:password@]host:port (or leave it unset to write .eml files under var/mail/)',
  })
  SMTP_URL?: string;

  @Matches(/^[^\r\n<>]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/, {
    message: 'MAIL_FROM must be an address, e.g. "Fairgate <no-reply@fairgate.example>"',
  })
  MAIL_FROM = 'Fairgate <no-reply@fairgate.local>';

  @Transform(toInt)
  @IsInt({ message: 'PORT must be a whole number between 0 and 65535' })
  @Min(0, { message: 'PORT must be a whole number between 0 and 65535' })
  @Max(65535, { message: 'PORT must be a whole number between 0 and 65535' })
  PORT = 3000;

  @IsIn(APP_ROLES, { message: `APP_ROLE must be one of ${APP_ROLES.join(', ')}` })
  APP_ROLE: AppRole = 'all';

  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'PUBLIC_URL must be an http(s) URL such as https://fairgate.example' })
  PUBLIC_URL?: string;

  @Transform(toBool)
  @IsBoolean({ message: 'MIGRATE_ON_START must be true or false' })
  MIGRATE_ON_START = true;

  @Transform(toBool)
  @IsBoolean({ message: 'SEED_ON_START must be true or false' })
  SEED_ON_START = true;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL = 'info';

  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'QUEUE_PREFIX must be 1-64 letters, digits, _ or -' })
  QUEUE_PREFIX = 'fairgate';

  @IsString()
  MAIL_DIR = 'var/mail';

  @Transform(toInt)
  @IsInt({ message: 'MAIL_RETRY_ATTEMPTS must be a whole number from 1 to 30' })
  @Min(1, { message: 'MAIL_RETRY_ATTEMPTS must be a whole number from 1 to 30' })
  @Max(30, { message: 'MAIL_RETRY_ATTEMPTS must be a whole number from 1 to 30' })
  MAIL_RETRY_ATTEMPTS = 10;

  @Transform(toInt)
  @IsInt({ message: 'MAIL_RETRY_BASE_MS must be a whole number of milliseconds (>= 10)' })
  @Min(10, { message: 'MAIL_RETRY_BASE_MS must be a whole number of milliseconds (>= 10)' })
  MAIL_RETRY_BASE_MS = 5000;

  @Transform(toInt)
  @IsInt({ message: 'MAIL_RATE_PER_SECOND must be a whole number of emails per second from 1 to 100000' })
  @Min(1, { message: 'MAIL_RATE_PER_SECOND must be a whole number of emails per second from 1 to 100000' })
  @Max(100000, { message: 'MAIL_RATE_PER_SECOND must be a whole number of emails per second from 1 to 100000' })
  MAIL_RATE_PER_SECOND = 50;

  @Transform(toInt)
  @IsInt({ message: 'MAIL_CONCURRENCY must be a whole number from 1 to 200' })
  @Min(1, { message: 'MAIL_CONCURRENCY must be a whole number from 1 to 200' })
  @Max(200, { message: 'MAIL_CONCURRENCY must be a whole number from 1 to 200' })
  MAIL_CONCURRENCY = 5;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'MAIL_SMTP_CONNECTIONS must be a whole number from 1 to 200' })
  @Min(1, { message: 'MAIL_SMTP_CONNECTIONS must be a whole number from 1 to 200' })
  @Max(200, { message: 'MAIL_SMTP_CONNECTIONS must be a whole number from 1 to 200' })
  MAIL_SMTP_CONNECTIONS?: number;

  /** BullMQ's lock on a running job, renewed at half this; a dead worker's jobs are free again once it lapses. */
  @Transform(toInt)
  @IsInt({ message: 'JOB_LOCK_DURATION_MS must be a whole number of milliseconds from 1000 to 600000' })
  @Min(1000, { message: 'JOB_LOCK_DURATION_MS must be a whole number of milliseconds from 1000 to 600000' })
  @Max(600000, { message: 'JOB_LOCK_DURATION_MS must be a whole number of milliseconds from 1000 to 600000' })
  JOB_LOCK_DURATION_MS = 30_000;

  /** How often a worker looks for jobs whose lock lapsed (a killed worker's) and queues them again. */
  @Transform(toInt)
  @IsInt({ message: 'JOB_STALLED_INTERVAL_MS must be a whole number of milliseconds from 100 to 600000' })
  @Min(100, { message: 'JOB_STALLED_INTERVAL_MS must be a whole number of milliseconds from 100 to 600000' })
  @Max(600000, { message: 'JOB_STALLED_INTERVAL_MS must be a whole number of milliseconds from 100 to 600000' })
  JOB_STALLED_INTERVAL_MS = 30_000;

  @Transform(toInt)
  @IsInt({ message: 'OUTBOX_POLL_MS must be a whole number of milliseconds (>= 10)' })
  @Min(10, { message: 'OUTBOX_POLL_MS must be a whole number of milliseconds (>= 10)' })
  OUTBOX_POLL_MS = 1000;

  @Transform(toInt)
  @IsInt({ message: 'OUTBOX_REDRIVE_AFTER_MS must be a whole number of milliseconds (>= 100)' })
  @Min(100, { message: 'OUTBOX_REDRIVE_AFTER_MS must be a whole number of milliseconds (>= 100)' })
  OUTBOX_REDRIVE_AFTER_MS = 10 * 60 * 1000;

  @IsOptional()
  @IsMailAddress({ message: 'ORGANIZER_EMAIL must be an email address' })
  ORGANIZER_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'ORGANIZER_PASSWORD must be at least 12 characters' })
  ORGANIZER_PASSWORD?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'APP_SECRET must be at least 32 characters (e.g. openssl rand -hex 32)' })
  APP_SECRET?: string;

  @Transform(toInt)
  @IsInt({ message: 'SESSION_TTL_HOURS must be a whole number of hours from 1 to 720' })
  @Min(1, { message: 'SESSION_TTL_HOURS must be a whole number of hours from 1 to 720' })
  @Max(720, { message: 'SESSION_TTL_HOURS must be a whole number of hours from 1 to 720' })
  SESSION_TTL_HOURS = 12;

  @Transform(toInt)
  @IsInt({ message: 'HOLD_MINUTES must be a whole number of minutes from 1 to 10080' })
  @Min(1, { message: 'HOLD_MINUTES must be a whole number of minutes from 1 to 10080' })
  @Max(10080, { message: 'HOLD_MINUTES must be a whole number of minutes from 1 to 10080' })
  HOLD_MINUTES = 60;

  @Transform(toInt)
  @IsInt({ message: 'ITINERARY_DEBOUNCE_SECONDS must be a whole number of seconds from 1 to 3600' })
  @Min(1, { message: 'ITINERARY_DEBOUNCE_SECONDS must be a whole number of seconds from 1 to 3600' })
  @Max(3600, { message: 'ITINERARY_DEBOUNCE_SECONDS must be a whole number of seconds from 1 to 3600' })
  ITINERARY_DEBOUNCE_SECONDS = 30;

  @Transform(toInt)
  @IsInt({ message: 'MEETING_REQUEST_DIGEST_SECONDS must be a whole number of seconds from 1 to 3600' })
  @Min(1, { message: 'MEETING_REQUEST_DIGEST_SECONDS must be a whole number of seconds from 1 to 3600' })
  @Max(3600, { message: 'MEETING_REQUEST_DIGEST_SECONDS must be a whole number of seconds from 1 to 3600' })
  MEETING_REQUEST_DIGEST_SECONDS = 60;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'DATABASE_POOL_SIZE must be a whole number of connections from 4 to 200' })
  @Min(4, { message: 'DATABASE_POOL_SIZE must be a whole number of connections from 4 to 200' })
  @Max(200, { message: 'DATABASE_POOL_SIZE must be a whole number of connections from 4 to 200' })
  DATABASE_POOL_SIZE?: number;

  @Transform(toInt)
  @IsInt({ message: 'DATABASE_POOL_WAIT_MS must be a whole number of milliseconds from 100 to 120000' })
  @Min(100, { message: 'DATABASE_POOL_WAIT_MS must be a whole number of milliseconds from 100 to 120000' })
  @Max(120000, { message: 'DATABASE_POOL_WAIT_MS must be a whole number of milliseconds from 100 to 120000' })
  DATABASE_POOL_WAIT_MS = 5000;

  @Transform(toInt)
  @IsInt({ message: 'REMINDER_MINUTES_BEFORE must be a whole number of minutes from 1 to 1440' })
  @Min(1, { message: 'REMINDER_MINUTES_BEFORE must be a whole number of minutes from 1 to 1440' })
  @Max(1440, { message: 'REMINDER_MINUTES_BEFORE must be a whole number of minutes from 1 to 1440' })
  REMINDER_MINUTES_BEFORE = 30;

  /** Badge PDFs: the Korean font (TrueType .ttf, not a .ttc collection), its bold, and a Latin fallback for letters it lacks. */
  @IsString()
  BADGE_FONT_PATH = '/usr/share/fonts/truetype/nanum/NanumGothic.ttf';

  @IsString()
  BADGE_FONT_BOLD_PATH = '/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf';

  @IsString()
  BADGE_FALLBACK_FONT_PATH = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

  @IsString()
  BADGE_FALLBACK_FONT_BOLD_PATH = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

  /**
   * The organizer as the seller on quotes and invoices. ASSUMED placeholders where no public source
   * gives the value (registration number, representative, bank account): set them in production.
   */
  @IsString() BILLING_SELLER_NAME_KO = '(재)김대중컨벤션센터';
  @IsString() BILLING_SELLER_NAME_EN = 'Kim Dae-jung Convention Center';
  @IsString() BILLING_SELLER_BRN = '000-00-00000';
  @IsString() BILLING_SELLER_REPRESENTATIVE = '대표이사';
  @IsString() BILLING_SELLER_ADDRESS_KO = '광주광역시 서구 상무누리로 30';
  @IsString() BILLING_SELLER_ADDRESS_EN = '30 Sangmunuri-ro, Seo-gu, Gwangju 61958, Republic of Korea';
  @IsString() BILLING_SELLER_BUSINESS_TYPE = '서비스';
  @IsString() BILLING_SELLER_BUSINESS_ITEM = '전시·컨벤션 운영';
  @IsString() BILLING_SELLER_EMAIL = 'billing@kdjcenter.or.kr';
  @IsString() BILLING_SELLER_BANK_ACCOUNT = '광주은행 000-000-000000 (재)김대중컨벤션센터';

  /** Test-only negative control: false numbers invoices by max+1 without the edition's counter row lock. */
  @Transform(toBool) @IsBoolean()
  BILLING_NUMBER_COUNTER = true;

  @Matches(/^\d+(kb|mb)$/i, { message: 'BODY_LIMIT must be a size such as 100kb or 1mb' })
  BODY_LIMIT = '100kb';

  @Transform(toInt)
  @IsInt({ message: 'SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds' })
  @Min(100, { message: 'SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds (>= 100)' })
  SHUTDOWN_TIMEOUT_MS = 25000;

  @Matches(TRUST_PROXY_PATTERN, {
    message: 'TRUST_PROXY must be false, true, a number of proxy hops, or a comma-separated list of loopback, linklocal, uniquelocal and IP addresses/CIDRs',
  })
  TRUST_PROXY = 'loopback';

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'RATE_LIMIT_PREFIX must be 1-64 letters, digits, _ or -' })
  RATE_LIMIT_PREFIX?: string;

  @Transform(toInt)
  @IsInt({ message: 'RATE_LIMIT_SIGNUP_PER_HOUR must be a whole number from 1 to 100000' })
  @Min(1, { message: 'RATE_LIMIT_SIGNUP_PER_HOUR must be a whole number from 1 to 100000' })
  @Max(100000, { message: 'RATE_LIMIT_SIGNUP_PER_HOUR must be a whole number from 1 to 100000' })
  RATE_LIMIT_SIGNUP_PER_HOUR = 20;

  @Transform(toInt)
  @IsInt({ message: 'RATE_LIMIT_RESET_PER_HOUR must be a whole number from 1 to 100000' })
  @Min(1, { message: 'RATE_LIMIT_RESET_PER_HOUR must be a whole number from 1 to 100000' })
  @Max(100000, { message: 'RATE_LIMIT_RESET_PER_HOUR must be a whole number from 1 to 100000' })
  RATE_LIMIT_RESET_PER_HOUR = 10;

  @Transform(toInt)
  @IsInt({ message: 'RATE_LIMIT_REGISTRATION_PER_MINUTE must be a whole number from 1 to 100000' })
  @Min(1, { message: 'RATE_LIMIT_REGISTRATION_PER_MINUTE must be a whole number from 1 to 100000' })
  @Max(100000, { message: 'RATE_LIMIT_REGISTRATION_PER_MINUTE must be a whole number from 1 to 100000' })
  RATE_LIMIT_REGISTRATION_PER_MINUTE = 60;

  @Transform(toInt)
  @IsInt({ message: 'LOGIN_MAX_FAILURES must be a whole number from 1 to 1000' })
  @Min(1, { message: 'LOGIN_MAX_FAILURES must be a whole number from 1 to 1000' })
  @Max(1000, { message: 'LOGIN_MAX_FAILURES must be a whole number from 1 to 1000' })
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt({ message: 'LOGIN_MAX_FAILURES_PER_IP must be a whole number from 1 to 100000' })
  @Min(1, { message: 'LOGIN_MAX_FAILURES_PER_IP must be a whole number from 1 to 100000' })
  @Max(100000, { message: 'LOGIN_MAX_FAILURES_PER_IP must be a whole number from 1 to 100000' })
  LOGIN_MAX_FAILURES_PER_IP = 50;

  @Transform(toInt)
  @IsInt({ message: 'LOGIN_FAILURE_WINDOW_SECONDS must be a whole number of seconds from 1 to 86400' })
  @Min(1, { message: 'LOGIN_FAILURE_WINDOW_SECONDS must be a whole number of seconds from 1 to 86400' })
  @Max(86400, { message: 'LOGIN_FAILURE_WINDOW_SECONDS must be a whole number of seconds from 1 to 86400' })
  LOGIN_FAILURE_WINDOW_SECONDS = 900;

  @Transform(toInt)
  @IsInt({ message: 'LOGIN_BACKOFF_FREE_FAILURES must be a whole number from 0 to 100' })
  @Min(0, { message: 'LOGIN_BACKOFF_FREE_FAILURES must be a whole number from 0 to 100' })
  @Max(100, { message: 'LOGIN_BACKOFF_FREE_FAILURES must be a whole number from 0 to 100' })
  LOGIN_BACKOFF_FREE_FAILURES = 5;

  @Transform(toInt)
  @IsInt({ message: 'LOGIN_BACKOFF_BASE_MS must be a whole number of milliseconds from 1 to 60000' })
  @Min(1, { message: 'LOGIN_BACKOFF_BASE_MS must be a whole number of milliseconds from 1 to 60000' })
  @Max(60000, { message: 'LOGIN_BACKOFF_BASE_MS must be a whole number of milliseconds from 1 to 60000' })
  LOGIN_BACKOFF_BASE_MS = 1000;

  @Transform(toInt)
  @IsInt({ message: 'LOGIN_BACKOFF_MAX_SECONDS must be a whole number of seconds from 1 to 3600' })
  @Min(1, { message: 'LOGIN_BACKOFF_MAX_SECONDS must be a whole number of seconds from 1 to 3600' })
  @Max(3600, { message: 'LOGIN_BACKOFF_MAX_SECONDS must be a whole number of seconds from 1 to 3600' })
  LOGIN_BACKOFF_MAX_SECONDS = 60;
  /**
   * Tests only: false removes the ordered advisory locks a venue booking takes on its atomic spaces,
   * so a race test can show that it fails without them (its negative control). Never set in production.
   */
  @Transform(toBool)
  @IsBoolean({ message: 'VENUE_ORDERED_LOCKS must be true or false' })
  VENUE_ORDERED_LOCKS = true;

  /**
   * Whether what occupies a space (an edition's halls, conference sessions, export-meeting areas)
   * books it at the venue. Off only so a race test can show two editions selling one hall without
   * it (its negative control). Never set in production.
   */
  @Transform(toBool)
  @IsBoolean({ message: 'VENUE_SPACE_HOLDINGS must be true or false' })
  VENUE_SPACE_HOLDINGS = true;
  /** Development and tests only: lets webhook URLs use plain http. */
  @Transform(toBool)
  @IsBoolean({ message: 'WEBHOOK_ALLOW_HTTP must be true or false' })
  WEBHOOK_ALLOW_HTTP = false;

  /** Development and tests only: lets webhooks reach loopback, private and link-local addresses. */
  @Transform(toBool)
  @IsBoolean({ message: 'WEBHOOK_ALLOW_PRIVATE must be true or false' })
  WEBHOOK_ALLOW_PRIVATE = false;

  @Transform(toInt)
  @IsInt({ message: 'WEBHOOK_TIMEOUT_MS must be a whole number of milliseconds from 100 to 60000' })
  @Min(100, { message: 'WEBHOOK_TIMEOUT_MS must be a whole number of milliseconds from 100 to 60000' })
  @Max(60000, { message: 'WEBHOOK_TIMEOUT_MS must be a whole number of milliseconds from 100 to 60000' })
  WEBHOOK_TIMEOUT_MS = 10000;

  @Transform(toInt)
  @IsInt({ message: 'WEBHOOK_MAX_ATTEMPTS must be a whole number from 1 to 20' })
  @Min(1, { message: 'WEBHOOK_MAX_ATTEMPTS must be a whole number from 1 to 20' })
  @Max(20, { message: 'WEBHOOK_MAX_ATTEMPTS must be a whole number from 1 to 20' })
  WEBHOOK_MAX_ATTEMPTS = 8;

  @Transform(toInt)
  @IsInt({ message: 'WEBHOOK_RETRY_BASE_MS must be a whole number of milliseconds (>= 10)' })
  @Min(10, { message: 'WEBHOOK_RETRY_BASE_MS must be a whole number of milliseconds (>= 10)' })
  WEBHOOK_RETRY_BASE_MS = 60_000;

  @Transform(toInt)
  @IsInt({ message: 'WEBHOOK_RETRY_MAX_MS must be a whole number of milliseconds (>= 10)' })
  @Min(10, { message: 'WEBHOOK_RETRY_MAX_MS must be a whole number of milliseconds (>= 10)' })
  WEBHOOK_RETRY_MAX_MS = 24 * 3600 * 1000;

  @Transform(toInt)
  @IsInt({ message: 'WEBHOOK_REDRIVE_AFTER_MS must be a whole number of milliseconds (>= 1000)' })
  @Min(1000, { message: 'WEBHOOK_REDRIVE_AFTER_MS must be a whole number of milliseconds (>= 1000)' })
  WEBHOOK_REDRIVE_AFTER_MS = 5 * 60 * 1000;

  /**
   * Tests only: false drops the conditional claim that lets one worker send a delivery, so the
   * duplicate-job test shows it fails without it (its negative control). Never set in production.
   */
  @Transform(toBool)
  @IsBoolean({ message: 'WEBHOOK_CLAIM_GUARD must be true or false' })
  WEBHOOK_CLAIM_GUARD = true;
}

/** A configuration problem, told in one line that names the variable. */
export class ConfigError extends Error {}

export interface RedisConnectionSettings {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls?: Record<string, never>;
}

/** The validated, typed configuration the application is built with. */
export class AppConfig {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly port: number;
  readonly role: AppRole;
  readonly publicUrl: string;
  readonly migrateOnStart: boolean;
  readonly seedOnStart: boolean;
  readonly logLevel: string;
  readonly queuePrefix: string;
  readonly mailDir: string;
  readonly mailRetryAttempts: number;
  readonly mailRetryBaseMs: number;
  /** Emails per second to the SMTP server, across every worker process (BullMQ's queue-wide limiter). */
  readonly mailRatePerSecond: number;
  /** Mail jobs one worker process runs at once. */
  readonly mailConcurrency: number;
  /**
   * SMTP connections of the pool (MAIL_SMTP_CONNECTIONS, default MAIL_CONCURRENCY). Fewer connections
   * than jobs in flight keep each connection busy while other jobs do their row lock's round trips.
   */
  readonly mailSmtpConnections: number;
  /** BullMQ lock on a running job (JOB_LOCK_DURATION_MS); the meetings queue keeps a longer one of its own. */
  readonly jobLockDurationMs: number;
  /** How often workers re-queue jobs whose lock lapsed (JOB_STALLED_INTERVAL_MS). */
  readonly jobStalledIntervalMs: number;
  readonly outboxPollMs: number;
  readonly outboxRedriveAfterMs: number;
  readonly bodyLimit: string;
  readonly shutdownTimeoutMs: number;
  readonly organizerEmail: string | undefined;
  readonly organizerPassword: string | undefined;
  /** Signs feed links and CSRF tokens; a development default is used (and warned about) when unset. */
  readonly appSecret: string;
  readonly appSecretIsDefault: boolean;
  readonly sessionTtlHours: number;
  readonly holdMinutes: number;
  /** Changes to an itinerary wait this long for more before one email goes out. */
  readonly itineraryDebounceSeconds: number;
  /** How long a participant's meeting-request news gathers before it goes out as one email. */
  readonly meetingRequestDigestSeconds: number;
  /** Badge PDF fonts (.ttf): Korean regular and bold, and the fallback for Latin letters the Korean font lacks (empty: none). */
  readonly badgeFonts: { regular: string; bold: string; fallbackRegular: string; fallbackBold: string };
  /** The organizer's own details on quotes and invoices. */
  readonly billingSeller: {
    nameKo: string; nameEn: string; registrationNumber: string; representative: string; addressKo: string; addressEn: string;
    businessType: string; businessItem: string; email: string; bankAccount: string;
  };
  readonly billingNumberCounter: boolean;
  /** How long a request waits for a pooled database connection before answering 503. */
  readonly databasePoolWaitMs: number;
  /**
   * Connections in this process's pool (DATABASE_POOL_SIZE; default: room for every email in flight,
   * each holding one for its row lock, plus the API and the relay, and never fewer than POOL_SIZE_FLOOR).
   */
  readonly databasePoolSize: number;
  readonly reminderMinutesBefore: number;
  /**
   * Express's `trust proxy`: which peers may name the client in X-Forwarded-For. Rate limits key on
   * the client IP it yields, so trusting a proxy that does not overwrite the header lets callers pick their IP.
   */
  readonly trustProxy: TrustProxy;
  /** Prefix of the rate-limit keys in Redis (QUEUE_PREFIX unless set). */
  readonly rateLimitPrefix: string;
  readonly rateLimitSignupPerHour: number;
  readonly rateLimitResetPerHour: number;
  readonly rateLimitRegistrationPerMinute: number;
  /** Failed logins allowed per email + IP within the window before further attempts get 429. */
  readonly loginMaxFailures: number;
  /** Failed logins allowed per IP (any email) within the window. */
  readonly loginMaxFailuresPerIp: number;
  readonly loginFailureWindowSeconds: number;
  /** Failures per account (any IP) before each further one makes the account wait (backoff). */
  readonly loginBackoffFreeFailures: number;
  /** The first wait of the per-account backoff, doubling with each further failure. */
  readonly loginBackoffBaseMs: number;
  /** The longest per-account wait: the most anyone can delay a real user's login. */
  readonly loginBackoffMaxSeconds: number;
  /** Whether venue bookings lock their atomic spaces in one global order (false only in a negative-control test). */
  readonly venueOrderedLocks: boolean;
  /** Whether the floors above book the spaces they occupy (false only in a negative-control test). */
  readonly venueSpaceHoldings: boolean;
  /** Webhooks: what URLs may point at, how long a POST may take, and the retry schedule. */
  readonly webhookUrlRules: { allowHttp: boolean; allowPrivate: boolean };
  readonly webhookTimeoutMs: number;
  readonly webhookMaxAttempts: number;
  readonly webhookRetry: { baseMs: number; maxMs: number };
  readonly webhookRedriveAfterMs: number;
  /** Whether a delivery is claimed by one worker before it is sent (false only in a negative-control test). */
  readonly webhookClaimGuard: boolean;

  constructor(env: EnvironmentVariables) {
    this.databaseUrl = env.DATABASE_URL;
    this.redisUrl = env.REDIS_URL;
    this.smtpUrl = env.SMTP_URL || undefined;
    this.mailFrom = env.MAIL_FROM;
    this.port = env.PORT;
    this.role = env.APP_ROLE;
    this.publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
    this.migrateOnStart = env.MIGRATE_ON_START;
    this.seedOnStart = env.SEED_ON_START;
    this.logLevel = env.LOG_LEVEL;
    this.queuePrefix = env.QUEUE_PREFIX;
    this.mailDir = env.MAIL_DIR;
    this.mailRetryAttempts = env.MAIL_RETRY_ATTEMPTS;
    this.mailRetryBaseMs = env.MAIL_RETRY_BASE_MS;
    this.mailRatePerSecond = env.MAIL_RATE_PER_SECOND;
    this.mailConcurrency = env.MAIL_CONCURRENCY;
    this.mailSmtpConnections = env.MAIL_SMTP_CONNECTIONS ?? env.MAIL_CONCURRENCY;
    this.jobLockDurationMs = env.JOB_LOCK_DURATION_MS;
    this.jobStalledIntervalMs = env.JOB_STALLED_INTERVAL_MS;
    this.outboxPollMs = env.OUTBOX_POLL_MS;
    this.outboxRedriveAfterMs = env.OUTBOX_REDRIVE_AFTER_MS;
    this.bodyLimit = env.BODY_LIMIT;
    this.shutdownTimeoutMs = env.SHUTDOWN_TIMEOUT_MS;
    this.organizerEmail = env.ORGANIZER_EMAIL?.toLowerCase();
    this.organizerPassword = env.ORGANIZER_PASSWORD;
    this.appSecretIsDefault = !env.APP_SECRET;
    this.appSecret = env.APP_SECRET ?? 'fairgate-development-secret-do-not-use-in-production';
    this.sessionTtlHours = env.SESSION_TTL_HOURS;
    this.holdMinutes = env.HOLD_MINUTES;
    this.itineraryDebounceSeconds = env.ITINERARY_DEBOUNCE_SECONDS;
    this.databasePoolWaitMs = env.DATABASE_POOL_WAIT_MS;
    this.databasePoolSize = env.DATABASE_POOL_SIZE ?? Math.max(POOL_SIZE_FLOOR, env.MAIL_CONCURRENCY + 5);
    this.meetingRequestDigestSeconds = env.MEETING_REQUEST_DIGEST_SECONDS;
    this.badgeFonts = { regular: env.BADGE_FONT_PATH, bold: env.BADGE_FONT_BOLD_PATH, fallbackRegular: env.BADGE_FALLBACK_FONT_PATH, fallbackBold: env.BADGE_FALLBACK_FONT_BOLD_PATH };
    this.reminderMinutesBefore = env.REMINDER_MINUTES_BEFORE;
    this.billingSeller = {
      nameKo: env.BILLING_SELLER_NAME_KO, nameEn: env.BILLING_SELLER_NAME_EN, registrationNumber: env.BILLING_SELLER_BRN,
      representative: env.BILLING_SELLER_REPRESENTATIVE, addressKo: env.BILLING_SELLER_ADDRESS_KO, addressEn: env.BILLING_SELLER_ADDRESS_EN,
      businessType: env.BILLING_SELLER_BUSINESS_TYPE, businessItem: env.BILLING_SELLER_BUSINESS_ITEM, email: env.BILLING_SELLER_EMAIL,
      bankAccount: env.BILLING_SELLER_BANK_ACCOUNT,
    };
    this.billingNumberCounter = env.BILLING_NUMBER_COUNTER;
    this.trustProxy = parseTrustProxy(env.TRUST_PROXY);
    this.rateLimitPrefix = env.RATE_LIMIT_PREFIX ?? env.QUEUE_PREFIX;
    this.rateLimitSignupPerHour = env.RATE_LIMIT_SIGNUP_PER_HOUR;
    this.rateLimitResetPerHour = env.RATE_LIMIT_RESET_PER_HOUR;
    this.rateLimitRegistrationPerMinute = env.RATE_LIMIT_REGISTRATION_PER_MINUTE;
    this.loginMaxFailures = env.LOGIN_MAX_FAILURES;
    this.loginMaxFailuresPerIp = env.LOGIN_MAX_FAILURES_PER_IP;
    this.loginFailureWindowSeconds = env.LOGIN_FAILURE_WINDOW_SECONDS;
    this.loginBackoffFreeFailures = env.LOGIN_BACKOFF_FREE_FAILURES;
    this.loginBackoffBaseMs = env.LOGIN_BACKOFF_BASE_MS;
    this.loginBackoffMaxSeconds = env.LOGIN_BACKOFF_MAX_SECONDS;
    this.venueOrderedLocks = env.VENUE_ORDERED_LOCKS;
    this.venueSpaceHoldings = env.VENUE_SPACE_HOLDINGS;
    this.webhookUrlRules = { allowHttp: env.WEBHOOK_ALLOW_HTTP, allowPrivate: env.WEBHOOK_ALLOW_PRIVATE };
    this.webhookTimeoutMs = env.WEBHOOK_TIMEOUT_MS;
    this.webhookMaxAttempts = env.WEBHOOK_MAX_ATTEMPTS;
    this.webhookRetry = { baseMs: env.WEBHOOK_RETRY_BASE_MS, maxMs: env.WEBHOOK_RETRY_MAX_MS };
    this.webhookRedriveAfterMs = env.WEBHOOK_REDRIVE_AFTER_MS;
    this.webhookClaimGuard = env.WEBHOOK_CLAIM_GUARD;
  }

  get runsApi(): boolean {
    return this.role === 'all' || this.role === 'api';
  }

  get runsWorkers(): boolean {
    return this.role === 'all' || this.role === 'worker';
  }

  get databaseName(): string {
    return new URL(this.databaseUrl).pathname.slice(1);
  }

  /** The address part of MAIL_FROM's domain, used for deterministic Message-IDs. */
  get mailDomain(): string {
    const match = /@([^\s>]+)>?$/.exec(this.mailFrom);
    return match ? match[1] : 'fairgate.local';
  }

  get redis(): RedisConnectionSettings {
    const url = new URL(this.redisUrl);
    return {
      host: url.hostname || '127.0.0.1',
      port: url.port ? Number(url.port) : 6379,
      username: url.username ? decodeURIComponent(url.username) : undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
      tls: url.protocol === 'rediss:' ? {} : undefined,
    };
  }

  /** Where the database server is, for messages that must not print the password. */
  get databaseHost(): string {
    const url = new URL(this.databaseUrl);
    return `${url.hostname}:${url.port || '5432'}`;
  }
}

function parseTrustProxy(value: string): TrustProxy {
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false' || v === 'off' || v === 'none') return false;
  if (/^\d+$/.test(v)) return Number(v);
  return value.split(',').map((part) => part.trim()).join(', ');
}

/**
 * Reads and validates the environment. Throws ConfigError with one line naming the
 * variable and what a valid value looks like; empty strings count as unset.
 */
export function loadConfig(
  source: Record<string, string | undefined> = process.env,
  overrides: Record<string, string> = {},
): AppConfig {
  source = { ...source, ...overrides };
  const known = Object.keys(new EnvironmentVariables());
  const raw: Record<string, string> = {};
  for (const name of [...known, 'SMTP_URL', 'PUBLIC_URL', 'ORGANIZER_EMAIL', 'ORGANIZER_PASSWORD', 'APP_SECRET', 'RATE_LIMIT_PREFIX']) {
    const value = source[name];
    if (value !== undefined && value.trim() !== '') raw[name] = value.trim();
  }
  const env = plainToInstance(EnvironmentVariables, raw);
  const errors = validateSync(env, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const first = errors[0];
    const message = Object.values(first.constraints ?? {})[0] ?? `${first.property} is invalid`;
    throw new ConfigError(`Configuration error: ${message} (got "${String(raw[first.property])}").`);
  }
  for (const [name, value] of [['DATABASE_URL', env.DATABASE_URL], ['REDIS_URL', env.REDIS_URL]] as const) {
    try {
      new URL(value);
    } catch {
      throw new ConfigError(`Configuration error: ${name} is not a valid URL (got "${value}").`);
    }
  }
  return new AppConfig(env);
}
