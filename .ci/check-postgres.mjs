// Fails loudly when the Postgres that CI's integration suite needs cannot be reached.
import pg from 'pg';

const url = process.env.DATABASE_URL;
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  const { rows } = await client.query('select version()');
  console.log(`Postgres reachable: ${rows[0].version.split(',')[0]}`);
  await client.end();
} catch (err) {
  console.error(`Postgres is unreachable at ${url}: ${err.message}`);
  process.exit(1);
}
