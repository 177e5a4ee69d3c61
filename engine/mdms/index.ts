export { Mdms, ID_FORMAT_MASTER, ROLE_MASTER, TENANT_MASTER, type MasterData, type MasterRecord, type MdmsCriteria } from './mdms.ts';
export { applyMasterFilter, parseMasterFilter, type MasterFilter } from './filter.ts';
export { readMdmsCriteria } from './criteria.ts';
