import { createContext, useContext } from 'react';
import type { YishiDatabase } from './create-database';

export const DatabaseContext = createContext<YishiDatabase | null>(null);

export function useDatabase(): YishiDatabase {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase() outside of the opened database');
  return db;
}
