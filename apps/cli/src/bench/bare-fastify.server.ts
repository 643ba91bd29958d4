import Fastify from 'fastify';

// Baseline for the intake benchmark: the cheapest possible JSON POST on the same machine.
const app = Fastify({ logger: false });
app.post('/echo', async (request) => ({ id: 'x', status: 'received', size: JSON.stringify(request.body).length }));
void app.listen({ port: Number(process.argv[2]), host: '127.0.0.1' }).then(() => process.stdout.write('bare fastify ready\n'));
