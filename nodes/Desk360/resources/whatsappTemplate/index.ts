import { defineResource } from '../../../shared/resource';
import * as getAll from './getAll.operation';
import * as send from './send.operation';
import * as sendBulk from './sendBulk.operation';

export const whatsappTemplateResource = defineResource('whatsappTemplate', [getAll, send, sendBulk]);
