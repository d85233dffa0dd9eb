import { Injectable } from '@nestjs/common';
import type { MailTemplate } from './mail-template';

/** The templates known to this process, by name. */
@Injectable()
export class MailTemplateRegistry {
  private readonly templates = new Map<string, MailTemplate<never>>();

  register<P>(template: MailTemplate<P>): void {
    if (this.templates.has(template.name)) throw new Error(`mail template ${template.name} registered twice`);
    // The params type is the template's own business: stored rows are untyped JSON anyway.
    this.templates.set(template.name, template as unknown as MailTemplate<never>);
  }

  /** Every registered name, sorted. */
  names(): string[] {
    return [...this.templates.keys()].sort();
  }

  get(name: string): MailTemplate<Record<string, unknown>> | undefined {
    return this.templates.get(name);
  }
}
