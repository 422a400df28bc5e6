import { MongoServerError } from 'mongodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { useDriverDatabase } from './support/driver-client.js';

/**
 * Read-only views (`createCollection(name, { viewOn, pipeline })`) as mongod 8.0 has them:
 * reads run the view's pipeline first, then the query; writes are refused with 166.
 */
const target = useDriverDatabase('views');

/** Documents with any `_id` (the driver's default type assumes ObjectId). */
type Row = { _id: number | string; [field: string]: unknown };
const rows = (name: string) => target.db().collection<Row>(name);

async function failure(p: Promise<unknown>): Promise<MongoServerError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MongoServerError);
  return error as MongoServerError;
}

const staff = [
  { _id: 1, name: '张三', division: 'a', grade: 3, active: true },
  { _id: 2, name: '李四', division: 'b', grade: 5, active: true },
  { _id: 3, name: '王五', division: 'a', grade: 1, active: false },
  { _id: 4, name: '赵六', division: 'a', grade: 4, active: true },
  { _id: 5, name: '钱七', division: 'c', grade: 2, active: true },
];

/** Active staff without the `active` flag, and a computed field the source does not store. */
const activeStaff = [
  { $match: { active: true } },
  { $project: { active: 0 } },
  { $addFields: { senior: { $gte: ['$grade', 4] } } },
];

async function seed(): Promise<void> {
  const db = target.db();
  await rows('staff').insertMany(staff);
  await db.createCollection('active', { viewOn: 'staff', pipeline: activeStaff });
}

describe('views', () => {
  beforeEach(async () => {
    await target.db().dropDatabase();
    await seed();
  });

  it('given a view, when found with filter, sort, projection, skip and limit, then the view pipeline runs first', async () => {
    const found = await rows('active')
      .find({ division: 'a' }, { projection: { name: 1, senior: 1 }, sort: { grade: -1 } })
      .toArray();
    expect(found).toEqual([
      { _id: 4, name: '赵六', senior: true },
      { _id: 1, name: '张三', senior: false },
    ]);

    const page = await rows('active')
      .find({}, { sort: { grade: 1 }, skip: 1, limit: 2 })
      .toArray();
    expect(page).toEqual([
      { _id: 1, name: '张三', division: 'a', grade: 3, senior: false },
      { _id: 4, name: '赵六', division: 'a', grade: 4, senior: true },
    ]);
    // findOne: a find with limit 1 (and a filter on a field the view computes).
    expect(await rows('active').findOne({ senior: true, division: 'b' })).toEqual({
      _id: 2,
      name: '李四',
      division: 'b',
      grade: 5,
      senior: true,
    });
  });

  it('given a view, when its source changes, then the view reads the new state', async () => {
    await rows('staff').updateOne({ _id: 3 }, { $set: { active: true } });
    await rows('staff').insertOne({ _id: 6, division: 'a', grade: 9, active: false });
    const ids = await rows('active').distinct('_id');
    expect(ids).toEqual([1, 2, 3, 4, 5]);
  });

  it('given a view, when aggregated, counted and asked for distinct values, then each reads through the view', async () => {
    const view = rows('active');
    const byDivision = await view
      .aggregate([{ $group: { _id: '$division', n: { $sum: 1 } } }, { $sort: { _id: 1 } }])
      .toArray();
    expect(byDivision).toEqual([
      { _id: 'a', n: 2 },
      { _id: 'b', n: 1 },
      { _id: 'c', n: 1 },
    ]);
    expect(await view.countDocuments()).toBe(4);
    expect(await view.countDocuments({ senior: true })).toBe(2);
    expect(await view.estimatedDocumentCount()).toBe(4);
    const counted = await target.db().command({ count: 'active', query: { division: 'a' } });
    expect(counted.n).toBe(2);
    const limited = await target.db().command({ count: 'active', skip: 1, limit: 2 });
    expect(limited.n).toBe(2);
    expect(await view.distinct('division')).toEqual(['a', 'b', 'c']);
    expect(await view.distinct('name', { grade: { $lt: 3 } })).toEqual(['钱七']);
  });

  it('given a $lookup from a view, when aggregated, then it joins the view’s documents', async () => {
    const db = target.db();
    await rows('divisions').insertMany([{ _id: 'a' }, { _id: 'c' }]);
    const joined = await db
      .collection('divisions')
      .aggregate([
        { $lookup: { from: 'active', localField: '_id', foreignField: 'division', as: 'people' } },
        { $project: { n: { $size: '$people' } } },
      ])
      .toArray();
    expect(joined).toEqual([
      { _id: 'a', n: 2 },
      { _id: 'c', n: 1 },
    ]);
  });

  it('given a view on a view, when read, then both pipelines apply in order', async () => {
    const db = target.db();
    await db.createCollection('seniorActive', {
      viewOn: 'active',
      pipeline: [{ $match: { senior: true } }, { $project: { name: 1 } }],
    });
    expect(
      await rows('seniorActive')
        .find({}, { sort: { _id: 1 } })
        .toArray(),
    ).toEqual([
      { _id: 2, name: '李四' },
      { _id: 4, name: '赵六' },
    ]);
    expect(await rows('seniorActive').countDocuments()).toBe(2);
  });

  it('given views, when collections are listed, then each is a view with its definition', async () => {
    const db = target.db();
    const listed = await db.listCollections({ name: 'active' }).toArray();
    expect(listed).toEqual([
      {
        name: 'active',
        type: 'view',
        options: { viewOn: 'staff', pipeline: activeStaff },
        info: { readOnly: true },
      },
    ]);
    const views = await db.listCollections({ type: 'view' }, { nameOnly: true }).toArray();
    expect(views.map((v) => v.name)).toEqual(['active']);
    const collections = await db.listCollections({ type: 'collection' }).toArray();
    expect(collections.map((c) => c.name)).toEqual(['staff']);
  });

  it('given a view, when dropped, then it is gone and its source keeps its documents', async () => {
    const db = target.db();
    expect(await rows('active').drop()).toBe(true);
    expect(await db.listCollections({ name: 'active' }).toArray()).toEqual([]);
    expect(await rows('staff').countDocuments()).toBe(5);
    expect(await rows('active').find().toArray()).toEqual([]);
  });

  it('given collMod with viewOn and pipeline, when the view is read, then the new definition applies', async () => {
    const db = target.db();
    await rows('archive').insertOne({ _id: 9, name: '孙八' });
    await db.command({ collMod: 'active', viewOn: 'archive', pipeline: [] });
    expect(await rows('active').find().toArray()).toEqual([{ _id: 9, name: '孙八' }]);
    await db.command({ collMod: 'active', pipeline: [{ $match: { _id: 0 } }] });
    expect(await rows('active').countDocuments()).toBe(0);
    const [listed] = await db.listCollections({ name: 'active' }, { nameOnly: false }).toArray();
    expect(listed?.options).toEqual({ viewOn: 'archive', pipeline: [{ $match: { _id: 0 } }] });
  });

  it('given a view, when written to or indexed, then 166 CommandNotSupportedOnView and nothing changes', async () => {
    const db = target.db();
    const view = rows('active');
    const ns = `${db.databaseName}.active`;
    const notACollection = `Namespace ${ns} is a view, not a collection`;
    const writes = [
      () => view.insertOne({ _id: 10 }),
      () => view.updateOne({ _id: 1 }, { $set: { grade: 9 } }),
      () => view.updateMany({}, { $set: { grade: 9 } }, { upsert: true }),
      () => view.replaceOne({ _id: 1 }, { name: 'x' }),
      () => view.deleteOne({ _id: 1 }),
      () => view.deleteMany({}),
      () => view.findOneAndUpdate({ _id: 1 }, { $set: { grade: 9 } }),
      () => view.findOneAndDelete({ _id: 1 }),
    ];
    for (const write of writes) {
      const error = await failure(write());
      expect(error.code).toBe(166);
      expect(error.codeName).toBe('CommandNotSupportedOnView');
      expect(error.message).toBe(notACollection);
    }
    const bulk = await target
      .client()
      .bulkWrite([{ namespace: ns, name: 'insertOne', document: { _id: 11 as never } }])
      .then(
        () => undefined,
        (e: unknown) => e as { writeErrors?: Map<number, { code: number }> },
      );
    expect(bulk?.writeErrors?.get(0)?.code).toBe(166);
    const indexError = await failure(view.createIndex({ grade: 1 }));
    expect(indexError.code).toBe(166);
    expect(indexError.message).toBe('Cannot create indexes on a view');
    expect((await failure(view.listIndexes().toArray())).code).toBe(166);
    expect((await failure(view.dropIndex('grade_1'))).code).toBe(166);

    expect(
      await rows('staff')
        .find({}, { sort: { _id: 1 } })
        .toArray(),
    ).toEqual(staff);
    expect((await db.listCollections().toArray()).map((c) => c.name).sort()).toEqual([
      'active',
      'staff',
    ]);
  });

  it('given a view, when an aggregate writes into it with $out or $merge, then 166 and nothing is written', async () => {
    for (const stage of [{ $out: 'active' }, { $merge: { into: 'active' } }]) {
      const error = await failure(rows('staff').aggregate([stage]).toArray());
      expect(error.code).toBe(166);
    }
    expect(await rows('active').countDocuments()).toBe(4);
  });

  it('given a view, when a collection or view of the same name is created, then 48 NamespaceExists', async () => {
    const db = target.db();
    expect((await failure(db.createCollection('active'))).code).toBe(48);
    expect(
      (await failure(db.createCollection('staff', { viewOn: 'active', pipeline: [] }))).code,
    ).toBe(48);
  });

  it('given a view definition that would loop or is malformed, when created or changed, then refused as mongod', async () => {
    const db = target.db();
    await db.createCollection('second', { viewOn: 'active', pipeline: [] });
    const cycle = await failure(db.command({ collMod: 'active', viewOn: 'second', pipeline: [] }));
    expect(cycle.code).toBe(5);
    expect(cycle.codeName).toBe('GraphContainsCycle');
    expect(await rows('active').countDocuments()).toBe(4);

    const output = await failure(
      db.createCollection('writes', { viewOn: 'staff', pipeline: [{ $out: 'x' }] }),
    );
    expect(output.code).toBe(167);
    const notArray = await failure(
      db.command({ create: 'broken', viewOn: 'staff', pipeline: { $match: {} } }),
    );
    expect(notArray.code).toBe(14);
    const noViewOn = await failure(db.command({ create: 'broken', pipeline: [] }));
    expect(noViewOn.code).toBe(2);
    const emptyViewOn = await failure(db.command({ create: 'broken', viewOn: '' }));
    expect(emptyViewOn.code).toBe(2);

    const onCollection = await failure(db.command({ collMod: 'staff', viewOn: 'x' }));
    expect(onCollection.code).toBe(72);
    expect(onCollection.message).toBe('option only supported on a view: viewOn');
    const validatorOnView = await failure(db.command({ collMod: 'active', validator: { a: 1 } }));
    expect(validatorOnView.code).toBe(72);
    expect(validatorOnView.message).toBe('option not supported on a view: validator');
    expect((await db.listCollections({ name: 'broken' }).toArray()).length).toBe(0);
  });

  it('given a view, when read with a collation other than simple, then 167 OptionNotSupportedOnView', async () => {
    const view = rows('active');
    const error = await failure(
      view.find({}, { collation: { locale: 'zh', strength: 2 } }).toArray(),
    );
    expect(error.code).toBe(167);
    expect(error.message).toContain("Cannot override a view's default collation");
    expect(await view.find({}, { collation: { locale: 'simple' } }).toArray()).toHaveLength(4);
  });

  it('given a transaction, when it reads a view, then it reads through it; creating a view there is refused with 263', async () => {
    const session = target.client().startSession();
    try {
      session.startTransaction();
      const db = target.db();
      await rows('staff').insertOne({ _id: 7, division: 'd', active: true }, { session });
      expect(await rows('active').countDocuments({}, { session })).toBe(5);
      const error = await failure(
        db.createCollection('inTxn', { viewOn: 'staff', pipeline: [], session }),
      );
      expect(error.code).toBe(263);
    } finally {
      await session.endSession();
    }
    expect(await rows('active').countDocuments()).toBe(4);
  });
});
