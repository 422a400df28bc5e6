export {
  directoryModels,
  directoryDivisionModel,
  directoryStaffModel,
  type DirectoryModels,
  type DirectoryDivisionModel,
  type DirectoryStaffModel,
  type DirectoryDivisionRecord,
  type DirectoryStaffRecord,
} from './directory.model.js';
export { directorySubscription } from './directory.handlers.js';
