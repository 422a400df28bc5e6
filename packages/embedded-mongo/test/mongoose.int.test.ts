import mongoose, { Schema, type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTargetServer, uniqueDbName, type TargetServer } from './support/target-server.js';

type Staff = { email: string; name: string; divisionId: string; tags: string[] };

const staffSchema = new Schema<Staff>({
  email: { type: String, required: true, unique: true },
  name: { type: String, required: true },
  divisionId: { type: String, index: true },
  tags: [String],
});

describe('mongoose against the server', () => {
  let server: TargetServer;
  let conn: Connection;
  let dbName: string;

  beforeAll(async () => {
    server = await startTargetServer();
    dbName = uniqueDbName('mongoose');
    conn = await mongoose.createConnection(server.uri, { dbName }).asPromise();
  });

  afterAll(async () => {
    await conn?.dropDatabase();
    await conn?.close();
    await server?.stop();
  });

  it('creates the unique index and reports a duplicate as E11000 with keyPattern and keyValue', async () => {
    const StaffModel = conn.model('Staff', staffSchema);
    await StaffModel.init();
    await StaffModel.create({ email: 'li@office.cn', name: '李', divisionId: 'd1', tags: [] });

    const error = await StaffModel.create({
      email: 'li@office.cn',
      name: '李二',
      divisionId: 'd2',
      tags: [],
    }).catch((e: unknown) => e);

    expect(error).toMatchObject({
      code: 11000,
      keyPattern: { email: 1 },
      keyValue: { email: 'li@office.cn' },
    });
    const indexes = await StaffModel.listIndexes();
    expect(indexes.map((i) => i.name).sort()).toEqual(['_id_', 'divisionId_1', 'email_1']);
  });

  it('syncIndexes drops indexes the schema no longer declares and creates new ones', async () => {
    const first = new Schema({ code: { type: String, index: true }, label: String });
    const Old = conn.model('Synced', first, 'synced');
    await Old.init();
    conn.deleteModel('Synced');
    const second = new Schema({ code: String, label: { type: String, unique: true } });
    const New = conn.model('Synced', second, 'synced');

    await New.syncIndexes();

    const names = (await New.listIndexes()).map((i) => i.name).sort();
    expect(names).toEqual(['_id_', 'label_1']);
  });

  it('reads, updates and deletes documents', async () => {
    const StaffModel = conn.model('Crud', staffSchema);
    const created = await StaffModel.create({
      email: 'wang@office.cn',
      name: '王',
      divisionId: 'd1',
      tags: ['a'],
    });

    await StaffModel.updateOne(
      { _id: created._id },
      { $set: { name: '王五' }, $push: { tags: 'b' } },
    );
    const found = await StaffModel.findById(created._id).lean();
    expect(found).toMatchObject({ name: '王五', tags: ['a', 'b'] });

    const byDivision = await StaffModel.find({ divisionId: 'd1' }).lean();
    expect(byDivision).toHaveLength(1);

    await StaffModel.deleteOne({ _id: created._id });
    expect(await StaffModel.countDocuments()).toBe(0);
  });

  it('commits every write of conn.transaction together', async () => {
    const StaffModel = conn.model('TxCommit', staffSchema);
    await StaffModel.init();

    await conn.transaction(async (session) => {
      await StaffModel.create([{ email: 'a@o.cn', name: 'A', divisionId: 'd', tags: [] }], {
        session,
      });
      await StaffModel.create([{ email: 'b@o.cn', name: 'B', divisionId: 'd', tags: [] }], {
        session,
      });
      expect(await StaffModel.countDocuments({}).session(session)).toBe(2);
      expect(await StaffModel.countDocuments({})).toBe(0);
    });

    expect(await StaffModel.countDocuments({})).toBe(2);
  });

  it('leaves no trace of an aborted transaction', async () => {
    const StaffModel = conn.model('TxAbort', staffSchema);
    await StaffModel.init();
    await StaffModel.create({ email: 'keep@o.cn', name: 'Keep', divisionId: 'd', tags: [] });

    const failure = conn.transaction(async (session) => {
      await StaffModel.create([{ email: 'gone@o.cn', name: 'Gone', divisionId: 'd', tags: [] }], {
        session,
      });
      await StaffModel.updateOne(
        { email: 'keep@o.cn' },
        { $set: { name: 'Changed' } },
        { session },
      );
      throw new Error('business rule failed');
    });

    await expect(failure).rejects.toThrow('business rule failed');
    const remaining = await StaffModel.find({}).lean();
    expect(remaining.map((d) => [d.email, d.name])).toEqual([['keep@o.cn', 'Keep']]);
  });
});
