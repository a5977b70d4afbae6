import { resourceProperties } from '../../../shared/resource';
import * as getAll from './getAll.operation';

export const agentDescription = resourceProperties('agent', [getAll]);
