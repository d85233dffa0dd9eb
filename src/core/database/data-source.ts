import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

/** The data source the TypeORM CLI uses (npm run migration:*): reads DATABASE_URL like the app. */
export default new DataSource(dataSourceOptions(loadConfig()));
