/** Who made a record and who changed it last, and when: the same four columns on every engine table that keeps DIGIT's auditDetails. */
export const auditColumns = {
  created_by: { path: 'auditDetails.createdBy', type: 'text', notNull: true },
  created_time: { path: 'auditDetails.createdTime', type: 'bigint', notNull: true },
  last_modified_by: { path: 'auditDetails.lastModifiedBy', type: 'text', notNull: true },
  last_modified_time: { path: 'auditDetails.lastModifiedTime', type: 'bigint', notNull: true },
} as const;
