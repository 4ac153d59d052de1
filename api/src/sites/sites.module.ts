import { Module } from '@nestjs/common';
import { SitesResolver } from './sites.resolver';

@Module({ providers: [SitesResolver] })
export class SitesModule {}
