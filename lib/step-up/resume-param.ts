/** The query parameter of the step-up's return URL: the ID of the intent this tab kept (./resume-storage.ts). */
export const RESUME_PARAM = 'resume';
