import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// n8n-core writes its instance settings into the user folder: keep it out of $HOME.
process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-nodes-helpdesk-test-'));
