import type { FastifyInstance } from 'fastify';
import type { EngineContext } from '../../domain/context.js';
import { parseInput } from '../../domain/parse-input.js';
import { describeSection } from '../../domain/settings/describe-section.js';
import { saveSection, saveSectionInput } from '../../domain/settings/save-section.js';

export async function settingsRoutes(app: FastifyInstance, { ctx }: { ctx: EngineContext }): Promise<void> {
  app.get('/api/settings', async () => ({
    sections: [...ctx.settingsRegistry.values()].map((s) => ({ id: s.id, title: s.title })),
  }));

  app.get<{ Params: { section: string } }>('/api/settings/:section', async (request) => describeSection(ctx, request.params.section));

  app.put<{ Params: { section: string } }>('/api/settings/:section', async (request) => {
    const { values } = parseInput(saveSectionInput, request.body, 'Settings were not saved');
    const { changedKeys } = await saveSection(ctx, {
      sectionId: request.params.section,
      values,
      actor: request.session!.adminEmail,
      ip: request.ip,
    });
    return { changedKeys, ...(await describeSection(ctx, request.params.section)) };
  });
}
