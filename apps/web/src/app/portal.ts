/** The portal's official name, shown in the header and on the login page. */
export const PORTAL_TITLE = '知识产权质押融资风险补偿资金管理平台';

/** The header's title where the full name does not fit (phones). */
export const PORTAL_SHORT_TITLE = '风险补偿资金平台';
