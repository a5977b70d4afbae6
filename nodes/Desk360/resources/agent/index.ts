import { defineResource } from '../../../shared/resource';
import * as getAll from './getAll.operation';
import * as getCurrent from './getCurrent.operation';

export const agentResource = defineResource('agent', [getAll, getCurrent]);
