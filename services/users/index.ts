export {
  USERS_CONTAINER,
  profileIdOf,
  type PreferredLanguage,
  type UserIdentity,
  type UserProfile,
} from './profile';
export { UserProfiles } from './profiles';
