#!/usr/bin/env node
import { estateConfig } from '../estate.config';
import { runEstateApp } from '../lib/estate-app';
import { privacyPolicy } from '../privacy-policy';

runEstateApp(estateConfig, privacyPolicy);
