import { Injectable } from '@nestjs/common';
import type { MailTemplate } from './mail-template';

/** The templates known to this process, by name. */
@Injectable()
export class MailTemplateRegistry {
  private readonly templates = new Map<string, MailTemplate<never>>();

  register<P>(template: MailTemplate<P>): void {
    if (this.templates.has(template.name)) throw new Error(`mail template ${template.name} registered twice`);
    this.templates.set(template.name, template);
  }

  /** Every registered name, sorted. */
  names(): string[] {
    return [...this.templates.keys()].sort();
  }

  get(name: string): MailTemplate<Record<string, unknown>> | undefined {
    return this.templates.get(name);
  }
}
