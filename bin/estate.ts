#!/usr/bin/env node
import { estateConfig } from '../estate.config';
import { runEstateApp } from '../lib/estate-app';

runEstateApp(estateConfig);
