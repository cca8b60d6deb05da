import { parseArgs } from 'node:util';
import { createAdmin } from '../../domain/auth/create-admin.js';
import { openEngine } from '../../main.js';
import { UsageError, engineOptions, type CommandIo } from '../command-io.js';

export async function adminCommand(args: string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'create') return create(rest, io);
  if (sub === 'list') return list(io);
  throw new UsageError('Usage: passivewp admin create --email E --password P | passivewp admin list');
}

async function create(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, password: { type: 'string' } }, strict: true });
  if (!values.email || !values.password) throw new UsageError('admin create needs --email and --password (use --password - to read it from stdin).');
  const password = values.password === '-' ? (await io.readStdin()).replace(/\r?\n$/, '') : values.password;
  const engine = await openEngine({ ...engineOptions(io), quiet: true });
  try {
    const admin = await createAdmin(engine.ctx, { email: values.email, password });
    io.out(`Administrator ${admin.email} created. Log in at ${engine.config.publicUrl ?? `http://${engine.config.host}:${engine.config.port}`}${engine.config.basePath}/admin/`);
    return 0;
  } finally {
    await engine.close();
  }
}

async function list(io: CommandIo): Promise<number> {
  const engine = await openEngine({ ...engineOptions(io), quiet: true });
  try {
    const admins = await engine.ctx.stores.admins.list();
    if (!admins.length) io.out('No administrators yet.');
    for (const a of admins) io.out(`${a.email}\tcreated ${a.createdAt}`);
    return 0;
  } finally {
    await engine.close();
  }
}
